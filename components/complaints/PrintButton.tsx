"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-secondary ml-4" onClick={() => window.print()}>
      {label}
    </button>
  );
}
