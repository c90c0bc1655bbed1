// The LWC unit tests (sfdx-lwc-jest). Run from this folder (sfdx-lwc-jest finds the project by
// its sfdx-project.json in the working directory): `npm test` here, or the repo's `npm test`.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  rootDir: __dirname,
  testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
  // The tests' shared stand-ins for the static resource live outside force-app (never deployed), and
  // so does a lightning/navigation that records where a component navigates.
  moduleNameMapper: {
    '^dealreg-test/(.*)$': '<rootDir>/jest/$1',
    '^lightning/navigation$': '<rootDir>/jest/navigation.js',
  },
};
