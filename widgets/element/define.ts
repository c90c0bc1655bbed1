// Guarded registration: a second copy of the bundle on one page must not throw.

/** Defines `tag` unless a custom element with that name already exists. Returns the class in use. */
export function defineElement(tag: string, ctor: CustomElementConstructor): CustomElementConstructor {
  const existing = customElements.get(tag);
  if (existing) return existing;
  customElements.define(tag, ctor);
  return ctor;
}
