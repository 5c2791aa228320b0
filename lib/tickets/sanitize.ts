import sanitizeHtml from "sanitize-html";

/**
 * Inbound HTML made harmless for display (spec 02): no script/style, no event handlers, only http(s)/mailto
 * links (opened in a new tab without opener), and remote images blocked until the agent asks — a blocked
 * image keeps its address in `data-blocked-src` only, so the browser fetches nothing (no tracking pixels).
 * Inline `cid:`/`data:` images are dropped unless shown explicitly too.
 */
export function sanitizeEmailHtml(html: string, opts: { showImages?: boolean } = {}): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "div",
      "span",
      "b",
      "strong",
      "i",
      "em",
      "u",
      "s",
      "blockquote",
      "pre",
      "code",
      "hr",
      "ul",
      "ol",
      "li",
      "a",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "table",
      "thead",
      "tbody",
      "tfoot",
      "tr",
      "th",
      "td",
      "img",
      "font",
      "small",
      "sub",
      "sup",
    ],
    allowedAttributes: {
      a: ["href", "title", "target", "rel"],
      img: ["src", "alt", "width", "height", "data-blocked-src"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      "*": [],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" } }),
      img: (tagName, attribs): sanitizeHtml.Tag => {
        const src = attribs.src ?? "";
        if (opts.showImages && /^https?:\/\//i.test(src)) return { tagName, attribs: { src, alt: attribs.alt ?? "" } };
        return { tagName, attribs: { alt: attribs.alt ?? "", "data-blocked-src": src.slice(0, 500) } };
      },
    },
    // Headings inside a mail would break the page outline; show them as bold paragraphs.
    exclusiveFilter: () => false,
  })
    .replace(/<h[1-6]>/g, "<p><strong>")
    .replace(/<\/h[1-6]>/g, "</strong></p>");
}

/** Does the HTML hold remote images that are blocked now? (to offer "show images") */
export const hasRemoteImages = (html: string) => /<img[^>]+src\s*=\s*["']?https?:/i.test(html);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Our replies: plain text typed by the agent → a minimal HTML part. */
export function textToHtml(text: string): string {
  return `<div style="font-family:sans-serif">${text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("")}</div>`;
}
