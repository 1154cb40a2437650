type Child = Node | string | null | undefined | false;

/**
 * Creates an element; attributes are set with setAttribute and text as text nodes,
 * so survey texts and customer comments are never parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Elements a keyboard user can reach inside `root`, in order (for the dialog's focus trap). */
export function focusables(root: ParentNode): HTMLElement[] {
  const selector = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])';
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (el.hasAttribute('disabled')) return false;
    // Of a radio group only the checked radio (or the first when none is) takes Tab.
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      const group = [...root.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`)];
      const checked = group.find((r) => r.checked);
      return checked ? checked === el : group[0] === el;
    }
    return true;
  });
}
