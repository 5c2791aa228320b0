"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The agent side menu; items were already filtered by role on the server. */
export function AgentNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  // Typed nullable since the app also has a pages/ directory (the CTI webhook); always set in app/.
  const pathname = usePathname() ?? "";
  // The most specific item wins (/agent/complaints/publication over /agent/complaints).
  const best = items
    .filter((i) => (i.href === "/agent" ? pathname === "/agent" : pathname === i.href || pathname.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="md:w-56 md:shrink-0">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {items.map((item) => {
          const current = item.href === best;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded px-3 py-2 no-underline ${current ? "bg-rijks font-semibold text-white hover:text-white" : "text-rijks hover:bg-rijks-light"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
