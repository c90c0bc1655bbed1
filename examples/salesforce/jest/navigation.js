// lightning/navigation for the LWC jest tests (jest.config.js maps it), as trailheadapps/lwc-recipes
// does: sfdx-lwc-jest's own stub navigates nowhere and records nothing. `navigate` is called with
// each page reference a component navigates to (jest.clearAllMocks resets it).
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

export const navigate = jest.fn();

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      navigate(pageReference, replace);
    }
    [GenerateUrl]() {
      return Promise.resolve('https://www.example.com');
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
