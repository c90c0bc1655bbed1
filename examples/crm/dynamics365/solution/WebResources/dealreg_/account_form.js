/* global Xrm */
// Form script of the Account main form (web resource dealreg_/account_form.js). Register
// dealreg.accountForm.onLoad as an OnLoad handler with "Pass execution context as first parameter".
// The web resource control WebResource_dealreg shows dealreg_/panel.html; this passes it the record.
var dealreg = (window.dealreg = window.dealreg || {}); // a classic script: the handler is a global name
dealreg.accountForm = {
  onLoad: function (executionContext) {
    var formContext = executionContext.getFormContext();
    var control = formContext.getControl('WebResource_dealreg');
    if (!control) return;
    // A new, unsaved account has no id yet: the panel appears once the record exists.
    var id = formContext.data.entity.getId();
    if (!id) return;
    var accountId = id.replace(/[{}]/g, '').toLowerCase();
    var locale = Xrm.Utility.getGlobalContext().userSettings.languageId === 1036 ? 'fr' : 'en';
    control.getContentWindow().then(function (win) {
      win.dealregSetAccount(accountId, locale);
    });
  },
};
