/**
 * (Runs in the browser: only globals.) Which texts of the dashboard's groups (their titles and their widgets) do
 * not show whole. Two ways a text gets cut:
 * - a box that hides its overflow (`overflow` not `visible`, e.g. the group title's `nowrap` + `ellipsis`, or a
 *   text widget's fixed-height box) holds text and has more content than room: scrollWidth/scrollHeight exceed
 *   clientWidth/clientHeight;
 * - a text's own line boxes (a Range over its text nodes) reach past an ancestor that hides its overflow, or past
 *   the group's card itself.
 * Each finding names the widget or group (its `nrdb-ui-widget-<id>` / `nrdb-ui-group-<id>`), the element and the
 * start of its text. Waits for the page's fonts first, so the measure is of the final layout.
 */

/** The little of the DOM this needs (the project compiles without the DOM library). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface DomNode {
  nodeType: number;
  textContent: string | null;
}
interface DomElement extends DomNode {
  tagName: string;
  id: string;
  namespaceURI: string | null;
  classList: Iterable<string> & { length: number };
  childNodes: Iterable<DomNode>;
  parentElement: DomElement | null;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  clientLeft: number;
  clientTop: number;
  getBoundingClientRect(): Box;
  checkVisibility(): boolean;
  closest(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
interface BrowserGlobals {
  document: {
    fonts: { ready: Promise<unknown> };
    querySelectorAll(selector: string): Iterable<DomElement>;
    createRange(): { selectNodeContents(node: DomNode): void; getClientRects(): Iterable<Box> };
  };
  getComputedStyle(element: DomElement): { overflowX: string; overflowY: string; display: string };
}

export async function clippedTexts(): Promise<string[]> {
  const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
  await document.fonts.ready;
  const TEXT_NODE = 3;
  const SLACK = 1; // px: rounding of fractional layout
  const found = new Set<string>();
  const describe = (element: DomElement): string => {
    const owner = element.closest('[id^="nrdb-ui-widget-"], [id^="nrdb-ui-group-"]');
    const classes = [...element.classList].map((name) => `.${name}`).join('');
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ');
    return `${owner ? `#${owner.id} ` : ''}${element.tagName.toLowerCase()}${classes} "${text.length > 50 ? `${text.slice(0, 50)}...` : text}"`;
  };
  const hidesOverflow = (element: DomElement): boolean => {
    const style = getComputedStyle(element);
    return style.overflowX !== 'visible' || style.overflowY !== 'visible';
  };
  for (const card of document.querySelectorAll('.nrdb-ui-group')) {
    for (const element of [card, ...card.querySelectorAll('*')]) {
      if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !element.checkVisibility()) continue;
      const text = (element.textContent ?? '').trim();
      if (text && hidesOverflow(element) && getComputedStyle(element).display !== 'inline') {
        const { scrollWidth, scrollHeight, clientWidth, clientHeight } = element;
        if (scrollWidth > clientWidth + SLACK || scrollHeight > clientHeight + SLACK) {
          found.add(`${describe(element)}: content ${scrollWidth}x${scrollHeight} px in a box of ${clientWidth}x${clientHeight} px`);
        }
      }
      const ownTexts = [...element.childNodes].filter((node) => node.nodeType === TEXT_NODE && (node.textContent ?? '').trim());
      for (const node of ownTexts) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
          for (let box: DomElement | null = element; box; box = box === card ? null : box.parentElement) {
            if (box !== card && !hidesOverflow(box)) continue;
            const outer = box.getBoundingClientRect();
            const left = outer.left + box.clientLeft;
            const top = outer.top + box.clientTop;
            const right = box === card ? outer.right : left + box.clientWidth;
            const bottom = box === card ? outer.bottom : top + box.clientHeight;
            if (line.left < left - SLACK || line.right > right + SLACK || line.top < top - SLACK || line.bottom > bottom + SLACK) {
              found.add(`${describe(element)}: its text reaches past ${box === element ? 'its own box' : describe(box)}`);
              break;
            }
          }
        }
      }
    }
  }
  return [...found];
}
