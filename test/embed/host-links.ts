// The host sends the top window to a book row's record by clicking a link of its own (target
// _top): stubbed here, as the book's CSV test stubs its download, so nothing is followed.

export interface FollowedLink {
  href: string;
  target: string;
}

/** Records the host page's link clicks instead of following them, until `restore()`. */
export function stubHostLinks(): { followed: FollowedLink[]; restore: () => void } {
  const followed: FollowedLink[] = [];
  const { click } = HTMLAnchorElement.prototype;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    followed.push({ href: this.href, target: this.target });
  };
  return { followed, restore: () => (HTMLAnchorElement.prototype.click = click) };
}
