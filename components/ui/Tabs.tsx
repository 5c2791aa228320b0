"use client";
import { useRef, type KeyboardEvent, type ReactNode } from "react";

/**
 * Tabs (WAI-ARIA tabs pattern; neither NL Design System package has them): a tablist of buttons, one panel.
 * Arrow keys, Home and End move between tabs (roving tabindex); the chosen tab is the caller's state.
 */
export function Tabs<K extends string>({
  id,
  label,
  tabs,
  selected,
  onSelect,
  children,
}: {
  id: string;
  label: string;
  tabs: { key: K; label: ReactNode }[];
  selected: K;
  onSelect: (key: K) => void;
  children: ReactNode;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    onSelect(next.key);
    refs.current[next.key]?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="mb-4 flex flex-wrap gap-1 border-b-2 border-rijks">
        {tabs.map((t, i) => {
          const on = t.key === selected;
          return (
            <button
              key={t.key}
              ref={(el) => {
                refs.current[t.key] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t.key}`}
              aria-selected={on}
              aria-controls={`${id}-panel`}
              tabIndex={on ? 0 : -1}
              onClick={() => onSelect(t.key)}
              onKeyDown={(e) => move(e, i)}
              className={`rounded-t px-4 py-2 font-semibold ${on ? "bg-rijks text-white" : "bg-rijks-light text-rijks hover:bg-white"}`}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
