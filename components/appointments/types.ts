/** Shapes of the appointments API as the pages use them. */
export type SlotView = {
  id: string;
  desk: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  available: number;
};
export type DeskView = {
  code: string;
  name: string;
  names: { nl: string; en: string };
  address: string;
  timeZone: string;
  products: string[];
};
export type ProductView = { key: string; name: { nl: string; en: string }; minutesPerPerson: number };
export type AppointmentView = {
  reference: string;
  status: "booked" | "cancelled" | "checked_in" | "completed" | "no_show";
  desk: string;
  deskName: { nl: string; en: string };
  address: string;
  product: string;
  productName: { nl: string; en: string };
  slotId: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  persons: { name: string; vNumber?: string | null }[];
  email: string | null;
  phone: string | null;
  language: "nl" | "en";
  manageUrl?: string;
  icsUrl?: string;
  canNoShow?: boolean;
};
