// The presales activities the rep chose last time, kept in this browser so the next registration
// starts from them (issue 19 §3): the CRM does not hold them, and most reps do the same work on each deal.
import { PRESALES_ACTIVITIES, type PresalesActivity } from '../../src/domain/status.ts';

const KEY = 'dealreg.presales-activities';

/** The last choice, or none: a storage the page forbids, or a value another script wrote, is ignored. */
export function rememberedPresales(): PresalesActivity[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(saved) ? PRESALES_ACTIVITIES.filter((a) => saved.includes(a)) : [];
  } catch {
    return [];
  }
}

export function rememberPresales(activities: readonly PresalesActivity[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(PRESALES_ACTIVITIES.filter((a) => activities.includes(a))));
  } catch {
    // Storage refused (private mode, a sandboxed frame): the choice is simply not remembered.
  }
}
