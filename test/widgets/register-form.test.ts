// Promises of registering: a keyboard-usable inline form that validates, submits once, and shows the
// outcome (approved, or rejected with readable reasons) in place, dispatching dealreg-registered.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/index.ts';
import { DealRegError } from '../../src/errors.ts';
import type { DealRegRegisterForm } from '../../widgets/index.ts';
import { DealRegRegisteredEvent } from '../../widgets/index.ts';
import { backend, buttonNamed, countingCore, deepQuery, deepText, memoryAdapter, until } from './helpers.ts';

async function openForm(el: DealRegRegisterForm): Promise<void> {
  await until(() => buttonNamed(el, 'Register opportunity'), 'button');
  buttonNamed(el, 'Register opportunity')!.click();
  await until(() => deepQuery(el, 'select'), 'form open');
}

async function fill(el: DealRegRegisterForm, opportunityId: string, activities: string[]): Promise<void> {
  const select = deepQuery<HTMLSelectElement>(el, 'select')!;
  select.value = opportunityId;
  select.dispatchEvent(new Event('change'));
  for (const a of activities) deepQuery<HTMLInputElement>(el, `input[value="${a}"]`)!.click();
  await el.updateComplete;
}

function activeDeep(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('registering an opportunity', () => {
  it('keyboard: Tab reaches "Register opportunity", Enter opens the form, Escape closes it', async () => {
    const el = await fixture(
      html`<dealreg-provider
        ><button>before</button
        ><dealreg-register-form account-id="acc-nextgen" .adapter=${memoryAdapter()}></dealreg-register-form
      ></dealreg-provider>`,
    );
    const form = el.querySelector<DealRegRegisterForm>('dealreg-register-form')!;
    await until(() => buttonNamed(form, 'Register opportunity'), 'rendered');
    el.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(activeDeep()?.textContent?.trim()).to.equal('Register opportunity');
    await sendKeys({ press: 'Enter' });
    await until(() => deepQuery(form, 'form'), 'form opened');
    expect(activeDeep()?.localName).to.equal('select');
    expect(buttonNamed(form, 'Register opportunity')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(form).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !deepQuery(form, 'form'), 'form closed');
    expect(activeDeep()?.textContent?.trim()).to.equal('Register opportunity');
  });

  it('validates before sending: nothing is posted without an opportunity and a presales activity', async () => {
    const core = countingCore(backend());
    const el = await fixture<DealRegRegisterForm>(
      html`<dealreg-register-form account-id="acc-nextgen" .adapter=${memoryAdapter(core)}></dealreg-register-form>`,
    );
    await openForm(el);
    buttonNamed(el, 'Submit registration')!.click();
    await el.updateComplete;
    expect(deepText(el)).to.include('Choose the opportunity to register.');
    expect(deepText(el)).to.include('Tick at least one presales activity');
    expect(deepQuery(el, 'select')!.getAttribute('aria-invalid')).to.equal('true');
    expect(core.coreCalls.registerOpportunity).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('an eligible deal is approved: the outcome shows without a reload, one POST for a double click, an event for the host', async () => {
    const core = countingCore(backend());
    const events: DealRegRegisteredEvent[] = [];
    const el = await fixture<DealRegRegisterForm>(
      html`<dealreg-register-form
        account-id="acc-nextgen"
        .adapter=${memoryAdapter(core)}
        @dealreg-registered=${(e: DealRegRegisteredEvent) => events.push(e)}
      ></dealreg-register-form>`,
    );
    await openForm(el);
    await fill(el, 'opp-nextgen-synergy', ['workshop', 'proof-of-concept']);
    const submit = buttonNamed(el, 'Submit registration')!;
    submit.click();
    submit.click();
    await until(() => deepQuery(el, '[part~="outcome"] [part~="status-badge"]'), 'outcome');
    expect(core.coreCalls.registerOpportunity).to.equal(1);
    expect(deepText(deepQuery(el, '[part~="outcome"]')!)).to.include('Approved');
    expect(events).to.have.length(1);
    expect(events[0]).to.be.instanceOf(DealRegRegisteredEvent);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(events[0]!.detail.registration.status).to.equal('approved');
    expect(events[0]!.detail.registration.presalesActivities).to.deep.equal(['workshop', 'proof-of-concept']);
    await expect(el).to.be.accessible();
  });

  it('a deal another partner protects between loading and sending is rejected, with the reason in words and no other partner named', async () => {
    const core = backend();
    const el = await fixture<DealRegRegisterForm>(
      html`<dealreg-register-form account-id="acc-nextgen" .adapter=${memoryAdapter(core)}></dealreg-register-form>`,
    );
    await openForm(el);
    await fill(el, 'opp-nextgen-synergy', ['sizing']);
    const beta = await core.registerOpportunity(
      'demo-beta',
      { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['demo'] },
      'beta-first',
    );
    expect(beta.status).to.equal(201);
    buttonNamed(el, 'Submit registration')!.click();
    await until(() => deepQuery(el, '[part~="outcome"] [part~="status-badge"]'), 'outcome');
    const outcome = deepText(deepQuery(el, '[part~="outcome"]')!);
    expect(outcome).to.include('Rejected');
    expect(outcome).to.include('Another partner already protects this opportunity.');
    expect(deepText(el).toLowerCase()).not.to.include('beta');
    await expect(el).to.be.accessible();
  });

  it('a deal that does not qualify cannot be submitted from the widget (acc-other-installed): no request, the reason instead', async () => {
    const core = countingCore(backend());
    const el = await fixture<DealRegRegisterForm>(
      html`<dealreg-register-form account-id="acc-other-installed" .adapter=${memoryAdapter(core)}></dealreg-register-form>`,
    );
    await until(() => deepQuery(el, '#nothing-to-register'), 'the explanation');
    buttonNamed(el, 'Register opportunity')!.click();
    await el.updateComplete;
    expect(deepQuery(el, 'select'), 'the disabled button opens nothing').to.equal(undefined);
    // Forced open, the deal forced in: the submit button is disabled and the form refuses to send.
    await el.show();
    await until(() => deepQuery(el, 'select'), 'form open');
    await fill(el, 'opp-other-towers', ['demo']);
    const submit = buttonNamed(el, 'Submit registration')!;
    expect(submit.disabled).to.equal(true);
    deepQuery<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(deepText(el)).to.include('This deal does not qualify today');
    expect(deepText(deepQuery(el, '[part~="hint"]')!)).to.match(/Add a .+ line to qualify/);
    expect(core.coreCalls.registerOpportunity).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a retry after a network error reuses the idempotency key of the same submission', async () => {
    const core = countingCore(backend());
    let failNext = true;
    const real = memoryAdapter(core);
    const el = await fixture<DealRegRegisterForm>(
      html`<dealreg-register-form
        account-id="acc-nextgen"
        .adapter=${{
          ...real,
          registerOpportunity: async (
            r: Parameters<typeof real.registerOpportunity>[0],
            o: Parameters<typeof real.registerOpportunity>[1],
          ) => {
            const result = await real.registerOpportunity(r, o);
            if (failNext) {
              failNext = false;
              throw new DealRegError('network');
            }
            return result;
          },
        }}
      ></dealreg-register-form>`,
    );
    await openForm(el);
    await fill(el, 'opp-nextgen-synergy', ['sizing']);
    buttonNamed(el, 'Submit registration')!.click();
    await until(() => buttonNamed(el, 'Retry registration'), 'error with retry');
    expect(deepText(el)).to.include('Network problem');
    buttonNamed(el, 'Retry registration')!.click();
    await until(() => deepQuery(el, '[part~="outcome"] [part~="status-badge"]'), 'outcome');
    expect(core.keys).to.have.length(2);
    expect(core.keys[0]).to.equal(core.keys[1]);
    expect(deepText(deepQuery(el, '[part~="outcome"]')!)).to.include('Approved');
    expect(core.inspect().registrations.filter((r) => r.opportunityId === 'opp-nextgen-synergy')).to.have.length(1);
  });

  it('acc-empty: the button is disabled and says what to do (create the opportunity in the CRM, then register it here)', async () => {
    const el = await fixture<DealRegRegisterForm>(
      html`<dealreg-register-form account-id="acc-empty" .adapter=${memoryAdapter()}></dealreg-register-form>`,
    );
    await until(() => deepQuery(el, '#nothing-to-register'), 'explained');
    const open = buttonNamed(el, 'Register opportunity')!;
    expect(open.getAttribute('aria-disabled')).to.equal('true');
    expect(open.getAttribute('aria-describedby')).to.equal('nothing-to-register');
    expect(deepText(el)).to.include('No deal to register here: create the opportunity in your CRM, then register it here.');
    expect(deepText(el)).not.to.include('left');
    await expect(el).to.be.accessible();
  });

  it('after the only deal is registered, the button turns disabled and says how to register another', async () => {
    const el = await fixture<DealRegRegisterForm>(
      html`<dealreg-register-form account-id="acc-nextgen" .adapter=${memoryAdapter()}></dealreg-register-form>`,
    );
    await openForm(el);
    await fill(el, 'opp-nextgen-synergy', ['workshop']);
    buttonNamed(el, 'Submit registration')!.click();
    await until(() => deepQuery(el, '#nothing-to-register'), 'explained after the refresh');
    expect(buttonNamed(el, 'Register opportunity')!.getAttribute('aria-disabled')).to.equal('true');
    expect(deepText(el)).to.include('create the opportunity in your CRM, then register it here');
    await expect(el).to.be.accessible();
  });
});
