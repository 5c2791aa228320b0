import type { Permission } from "@/lib/auth/roles";

/** The agent navigation; each item shows only to roles with its permission (the page checks it again). */
export const AGENT_NAV: { href: string; key: string; permission?: Permission }[] = [
  { href: "/agent", key: "home" },
  { href: "/agent/tickets", key: "tickets", permission: "workTickets" },
  { href: "/agent/calls", key: "calls", permission: "workCalls" },
  { href: "/agent/appointments", key: "appointments", permission: "bookForCaller" },
  { href: "/agent/desk", key: "desk", permission: "runDesk" },
  { href: "/agent/complaints", key: "complaints", permission: "registerComplaint" },
  { href: "/agent/complaints/publication", key: "complaintFigures", permission: "viewComplaintFigures" },
  { href: "/agent/dashboard", key: "dashboard", permission: "viewDashboards" },
  { href: "/agent/wallboard", key: "wallboard", permission: "viewDashboards" },
  { href: "/agent/report", key: "report", permission: "viewDashboards" },
  { href: "/agent/admin/users", key: "users", permission: "administer" },
  { href: "/agent/admin/api-keys", key: "apiKeys", permission: "administer" },
  { href: "/agent/admin/outbox", key: "outbox", permission: "administer" },
  { href: "/agent/admin/reference", key: "reference", permission: "administer" },
  { href: "/agent/admin/cti", key: "cti", permission: "administer" },
  { href: "/agent/admin/calendars", key: "calendars", permission: "administer" },
  { href: "/agent/admin/complaint-categories", key: "complaintCategories", permission: "administer" },
  { href: "/agent/admin/privacy", key: "privacy", permission: "administer" },
];
