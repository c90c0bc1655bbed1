import { expect } from '@open-wc/testing';
import { addDays, addMonths, compareDates, daysBetween, toIsoDate } from '../../src/program/dates.ts';

describe('program dates (UTC calendar arithmetic)', () => {
  it('a date-time counts on its UTC calendar date', () => {
    expect(toIsoDate('2017-02-01')).to.equal('2017-02-01');
    expect(toIsoDate('2017-02-01T23:59:59Z')).to.equal('2017-02-01');
    expect(toIsoDate('2017-01-31T23:30:00-02:00')).to.equal('2017-02-01');
    expect(toIsoDate('2017-02-01T00:30:00+02:00')).to.equal('2017-01-31');
    expect(toIsoDate('2017-02-01T10:00:00')).to.equal('2017-02-01');
  });

  it('rejects what is not a calendar date', () => {
    expect(() => toIsoDate('2017-02-30')).to.throw(RangeError);
    expect(() => toIsoDate('next tuesday')).to.throw(RangeError);
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2016-12-31', 1)).to.equal('2017-01-01');
    expect(addDays('2016-02-28', 1)).to.equal('2016-02-29');
    expect(addDays('2017-02-14T22:00:00Z', 90)).to.equal('2017-05-15');
    expect(addDays('2017-03-01', -1)).to.equal('2017-02-28');
  });

  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonths('2016-08-31', 6)).to.equal('2017-02-28');
    expect(addMonths('2016-02-29', 12)).to.equal('2017-02-28');
    expect(addMonths('2015-02-01', 24)).to.equal('2017-02-01');
    expect(addMonths('2017-01-31', -2)).to.equal('2016-11-30');
    expect(addMonths('2016-11-15', 3)).to.equal('2017-02-15');
  });

  it('counts whole calendar days, negative backwards, whatever the time of day', () => {
    expect(daysBetween('2017-02-14', '2017-02-15')).to.equal(1);
    expect(daysBetween('2017-02-15', '2017-02-14')).to.equal(-1);
    expect(daysBetween('2017-02-14T23:59:00Z', '2017-02-15T00:01:00Z')).to.equal(1);
    expect(daysBetween('2016-02-01', '2016-03-01')).to.equal(29);
  });

  it('compares calendar dates, ignoring the time of day', () => {
    expect(compareDates('2017-01-31', '2017-02-01')).to.be.below(0);
    expect(compareDates('2017-02-01T18:00:00Z', '2017-02-01')).to.equal(0);
    expect(compareDates('2017-02-02', '2017-02-01')).to.be.above(0);
  });
});
