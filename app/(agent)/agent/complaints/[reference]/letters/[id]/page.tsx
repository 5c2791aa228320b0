import Link from "next/link";
import { notFound } from "next/navigation";
import { paramsValid } from "@/lib/api/params";
import { AppError } from "@/lib/errors";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/actor";
import { getLetter } from "@/lib/complaints/service";
import { PrintButton } from "@/components/complaints/PrintButton";

/** A letter as it is printed and posted (complainants without email). */
export default async function LetterPage({ params }: { params: Promise<{ reference: string; id: string }> }) {
  const actor = await pageActor("handleComplaints");
  const { reference, id } = await params;
  if (!paramsValid({ reference: "complaintReference", id: "uuid" }, { reference, id })) notFound();
  const t = await getTranslations("complaints");
  const { letter, c } = await getLetter(actor, decodeURIComponent(reference), id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  return (
    <article className="card max-w-2xl">
      <h1 className="sr-only">{t("letter.title", { reference: c.reference })}</h1>
      <p className="mb-4 print:hidden">
        <Link href={`/agent/complaints/${encodeURIComponent(c.reference)}`}>{t("letter.back")}</Link>{" "}
        <PrintButton label={t("detail.print")} />
      </p>
      <address className="mb-6 whitespace-pre-line not-italic">
        {letter.recipient === "complainant" ? `${c.name}\n${c.address ?? letter.toAddress ?? ""}` : (letter.toAddress ?? "")}
      </address>
      <p className="mb-4">
        {t("letter.date")}: {letter.sentOn}
      </p>
      <h2 className="text-lg">{letter.subject}</h2>
      <div className="whitespace-pre-line" lang={letter.language}>
        {letter.body}
      </div>
    </article>
  );
}
