"use client";
import { Heading as NldsHeading, Link as NldsLink } from "@rijkshuisstijl-community/components-react";
import type { AnchorHTMLAttributes, ReactNode } from "react";

/** Headings (NL Design System): the level is the document outline; `id` for aria-labelledby of sections. */
export function Heading({
  level,
  children,
  id,
  className,
  tabIndex,
  ref,
}: {
  level: 1 | 2 | 3 | 4;
  children: ReactNode;
  id?: string;
  className?: string;
  tabIndex?: number;
  ref?: React.Ref<HTMLHeadingElement>;
}) {
  return (
    <NldsHeading level={level} id={id} className={className} tabIndex={tabIndex} ref={ref}>
      {children}
    </NldsHeading>
  );
}

/** A link (NL Design System); `button`: looks like a secondary button (a download, "add to calendar"). */
export function Link({ button, className = "", ...a }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; button?: boolean }) {
  if (button)
    return (
      <a {...a} className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action ${className}`} />
    );
  return <NldsLink {...a} className={className} />;
}

/** A card: one step or block of a page, with its heading (aria-labelledby). Layout by Tailwind. */
export function Card({ labelledBy, children, className = "" }: { labelledBy?: string; children: ReactNode; className?: string }) {
  return (
    <section
      aria-labelledby={labelledBy}
      className={`rhc-card-as-section rounded border border-gray-300 bg-white p-4 shadow-sm ${className}`}
    >
      {children}
    </section>
  );
}
