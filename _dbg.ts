import { addDays } from "@/lib/calendar/dates";
import { forecastCalls } from "@/lib/workforce";
// reuse generator by importing bench module internals is awkward; copy minimal: run bench's generate via dynamic eval
const mod = await import("./bench/workforce-backtest.ts").catch(() => null);
