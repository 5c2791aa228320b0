"use client";
import {
  Table as NldsTable,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@rijkshuisstijl-community/components-react";
import type { ReactNode } from "react";

/**
 * A data table (NL Design System Table) with its caption (visible, or for screen readers only) and header
 * cells with `scope`. Wide tables scroll sideways on a phone instead of breaking the page.
 */
export function Table({ caption, captionHidden, children }: { caption: ReactNode; captionHidden?: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <NldsTable className="w-full">
        {captionHidden ? <caption className="sr-only">{caption}</caption> : <TableCaption>{caption}</TableCaption>}
        {children}
      </NldsTable>
    </div>
  );
}

export function Th({ children, scope = "col" }: { children: ReactNode; scope?: "col" | "row" }) {
  return <TableHeaderCell scope={scope}>{children}</TableHeaderCell>;
}

export { TableBody as Tbody, TableCell as Td, TableHeader as Thead, TableRow as Tr };
