/**
 * Shared UI on the NL Design System (Rijkshuisstijl community components and design tokens; the tokens'
 * CSS and the components' CSS are loaded once in app/layout.tsx). Tailwind stays for layout around them.
 * Forms: fields get their translated errors from `useFormErrors` (lib/client/form-errors.ts), and the
 * ErrorSummary at the top of the form takes the focus after a failed submit. README, "Shared UI".
 */
export { Alert, LiveRegion, type AlertType } from "./Alert";
export { Button, type ButtonProps } from "./Button";
export { CheckboxField, RadioGroupField } from "./choices";
export { ErrorSummary } from "./ErrorSummary";
export { SelectField, TextAreaField, TextField } from "./fields";
export { Card, Heading, Link } from "./basics";
export { Table, Tbody, Td, Th, Thead, Tr } from "./Table";
export { Tabs } from "./Tabs";
