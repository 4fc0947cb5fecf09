// The cancel page's own words (the flow's texts are the admin's; these are the controls around them)
// and its figures, dates and money in the session's locale through Intl.

import type { CancelAnswerProblem } from "@/lib/types/cancel-flow";

/** The page's own words in one language; `n` is already formatted for the locale where it is a string. */
export interface PageWords {
  continue: string;
  back: string;
  decline: string;
  optional: string;
  required: string;
  ownWords: string;
  preview: string;
  previewNote: string;
  returnTo: (product: string) => string;
  errorPrefix: string;
  pauseWhat: string;
  pauseWhy: string;
  pauseLegend: string;
  pauseButton: string;
  resumesIn: (month: string) => string;
  downgradeWhat: (plan: string, price: string) => string;
  downgradeWhy: string;
  downgradeButton: (plan: string) => string;
  discountWhat: (percent: string, months: string) => string;
  discountWhy: string;
  discountButton: string;
  talkWhat: string;
  talkWhy: string;
  /** "month" / "months" after a number, by the locale's plural rules. */
  month: { one: string; other: string };
  activeUsers: { one: string; other: string };
  seats: { one: string; other: string };
  monthsAsCustomer: { one: string; other: string };
  features: string;
  /** Why an answer was refused. */
  problem: (p: CancelAnswerProblem) => string;
}

const EN: PageWords = {
  problem: (p) =>
    p.kind === "choose-reason"
      ? "Please choose one of the reasons."
      : p.kind === "answer-required"
        ? "Please answer the question, or cancel without answering."
        : `Please choose how long to pause: 1 to ${p.maxMonths} months.`,
  continue: "Continue",
  back: "Back",
  decline: "No thanks, continue",
  optional: "Optional",
  required: "Required",
  ownWords: "Tell us in your own words",
  preview: "Preview",
  previewNote: "nothing is recorded",
  returnTo: (product) => `Return to ${product}`,
  errorPrefix: "Please check this:",
  pauseWhat: "Pause instead of cancelling",
  pauseWhy: "Keep everything as it is and pay nothing while paused.",
  pauseLegend: "How long would you like to pause?",
  pauseButton: "Pause my subscription",
  resumesIn: (month) => `Resumes in ${month}`,
  downgradeWhat: (plan, price) => `Switch to ${plan} for ${price} a month`,
  downgradeWhy: "Keep your account and your data on a smaller plan.",
  downgradeButton: (plan) => `Switch to ${plan}`,
  discountWhat: (percent, months) => `${percent} off for ${months}`,
  discountWhy: "Stay on your plan at a lower price.",
  discountButton: "Take the discount",
  talkWhat: "Talk to us before you go",
  talkWhy: "A person from our team will help with what is not working.",
  month: { one: "month", other: "months" },
  activeUsers: { one: "active user in the last 28 days", other: "active users in the last 28 days" },
  seats: { one: "seat on your plan", other: "seats on your plan" },
  monthsAsCustomer: { one: "month as a customer", other: "months as a customer" },
  features: "Your team's most used features",
};

const DE: PageWords = {
  problem: (p) =>
    p.kind === "choose-reason"
      ? "Bitte wählen Sie einen der Gründe."
      : p.kind === "answer-required"
        ? "Bitte beantworten Sie die Frage, oder kündigen Sie ohne Antwort."
        : `Bitte wählen Sie, wie lange Sie pausieren möchten: 1 bis ${p.maxMonths} Monate.`,
  continue: "Weiter",
  back: "Zurück",
  decline: "Nein danke, weiter",
  optional: "Optional",
  required: "Pflichtfeld",
  ownWords: "Sagen Sie es uns in Ihren eigenen Worten",
  preview: "Vorschau",
  previewNote: "nichts wird gespeichert",
  returnTo: (product) => `Zurück zu ${product}`,
  errorPrefix: "Bitte prüfen Sie:",
  pauseWhat: "Pausieren statt kündigen",
  pauseWhy: "Alles bleibt, wie es ist, und während der Pause zahlen Sie nichts.",
  pauseLegend: "Wie lange möchten Sie pausieren?",
  pauseButton: "Abo pausieren",
  resumesIn: (month) => `Läuft weiter ab ${month}`,
  downgradeWhat: (plan, price) => `Wechseln Sie zu ${plan} für ${price} im Monat`,
  downgradeWhy: "Behalten Sie Ihr Konto und Ihre Daten in einem kleineren Tarif.",
  downgradeButton: (plan) => `Zu ${plan} wechseln`,
  discountWhat: (percent, months) => `${percent} Rabatt für ${months}`,
  discountWhy: "Bleiben Sie in Ihrem Tarif zu einem niedrigeren Preis.",
  discountButton: "Rabatt annehmen",
  talkWhat: "Sprechen Sie mit uns, bevor Sie gehen",
  talkWhy: "Jemand aus unserem Team hilft bei dem, was nicht funktioniert.",
  month: { one: "Monat", other: "Monate" },
  activeUsers: { one: "aktive Person in den letzten 28 Tagen", other: "aktive Personen in den letzten 28 Tagen" },
  seats: { one: "Platz in Ihrem Tarif", other: "Plätze in Ihrem Tarif" },
  monthsAsCustomer: { one: "Monat als Kunde", other: "Monate als Kunde" },
  features: "Die meistgenutzten Funktionen Ihres Teams",
};

const FR: PageWords = {
  problem: (p) =>
    p.kind === "choose-reason"
      ? "Veuillez choisir l'une des raisons."
      : p.kind === "answer-required"
        ? "Veuillez répondre à la question, ou résiliez sans répondre."
        : `Veuillez choisir la durée de la pause : 1 à ${p.maxMonths} mois.`,
  continue: "Continuer",
  back: "Retour",
  decline: "Non merci, continuer",
  optional: "Facultatif",
  required: "Obligatoire",
  ownWords: "Dites-le-nous avec vos propres mots",
  preview: "Aperçu",
  previewNote: "rien n'est enregistré",
  returnTo: (product) => `Retour à ${product}`,
  errorPrefix: "Veuillez vérifier :",
  pauseWhat: "Mettre en pause plutôt que résilier",
  pauseWhy: "Tout reste en place et vous ne payez rien pendant la pause.",
  pauseLegend: "Combien de temps voulez-vous faire une pause ?",
  pauseButton: "Mettre mon abonnement en pause",
  resumesIn: (month) => `Reprise en ${month}`,
  downgradeWhat: (plan, price) => `Passer à ${plan} pour ${price} par mois`,
  downgradeWhy: "Gardez votre compte et vos données avec une formule plus petite.",
  downgradeButton: (plan) => `Passer à ${plan}`,
  discountWhat: (percent, months) => `${percent} de réduction pendant ${months}`,
  discountWhy: "Restez sur votre formule à un prix plus bas.",
  discountButton: "Profiter de la réduction",
  talkWhat: "Parlez-nous avant de partir",
  talkWhy: "Une personne de notre équipe vous aidera avec ce qui ne va pas.",
  month: { one: "mois", other: "mois" },
  activeUsers: { one: "utilisateur actif ces 28 derniers jours", other: "utilisateurs actifs ces 28 derniers jours" },
  seats: { one: "siège dans votre formule", other: "sièges dans votre formule" },
  monthsAsCustomer: { one: "mois en tant que client", other: "mois en tant que client" },
  features: "Les fonctionnalités les plus utilisées par votre équipe",
};

const ES: PageWords = {
  problem: (p) =>
    p.kind === "choose-reason"
      ? "Elige uno de los motivos."
      : p.kind === "answer-required"
        ? "Responde a la pregunta o cancela sin responder."
        : `Elige cuánto tiempo pausar: de 1 a ${p.maxMonths} meses.`,
  continue: "Continuar",
  back: "Atrás",
  decline: "No, gracias, continuar",
  optional: "Opcional",
  required: "Obligatorio",
  ownWords: "Cuéntanoslo con tus propias palabras",
  preview: "Vista previa",
  previewNote: "no se guarda nada",
  returnTo: (product) => `Volver a ${product}`,
  errorPrefix: "Revisa esto:",
  pauseWhat: "Pausar en lugar de cancelar",
  pauseWhy: "Todo se queda como está y no pagas nada mientras está en pausa.",
  pauseLegend: "¿Cuánto tiempo quieres pausar?",
  pauseButton: "Pausar mi suscripción",
  resumesIn: (month) => `Se reanuda en ${month}`,
  downgradeWhat: (plan, price) => `Cambia a ${plan} por ${price} al mes`,
  downgradeWhy: "Conserva tu cuenta y tus datos en un plan más pequeño.",
  downgradeButton: (plan) => `Cambiar a ${plan}`,
  discountWhat: (percent, months) => `${percent} de descuento durante ${months}`,
  discountWhy: "Sigue en tu plan a un precio más bajo.",
  discountButton: "Aceptar el descuento",
  talkWhat: "Habla con nosotros antes de irte",
  talkWhy: "Una persona de nuestro equipo te ayudará con lo que no funciona.",
  month: { one: "mes", other: "meses" },
  activeUsers: { one: "usuario activo en los últimos 28 días", other: "usuarios activos en los últimos 28 días" },
  seats: { one: "puesto en tu plan", other: "puestos en tu plan" },
  monthsAsCustomer: { one: "mes como cliente", other: "meses como cliente" },
  features: "Las funciones más usadas por tu equipo",
};

const BY_LANGUAGE: Record<string, PageWords> = { en: EN, de: DE, fr: FR, es: ES };

/** The page's words for a locale's language (English, German, French, Spanish), else English. */
export function pageWords(locale: string): PageWords {
  const language = pageLocale(locale).split("-")[0]?.toLowerCase() ?? "en";
  return BY_LANGUAGE[language] ?? EN;
}

/** A usable BCP 47 tag for Intl: the session's, canonicalised, or en-US. */
export function pageLocale(locale: string): string {
  try {
    const [tag] = Intl.getCanonicalLocales(locale);
    return tag ?? "en-US";
  } catch {
    return "en-US";
  }
}

export interface PageFormat {
  /** The page's own words in the locale's language. */
  words: PageWords;
  /** `n`'s noun by the locale's plural rules. */
  plural(n: number, noun: { one: string; other: string }): string;
  number(n: number): string;
  percent(whole: number): string;
  money(cents: number): string;
  /** "June 2025": the month `months` after `now`'s month (UTC). */
  monthAfter(now: Date, months: number): string;
  list(items: string[]): string;
  months(n: number): string;
}

/** Figures in `locale`; the page's own words in `wordsLocale`'s language (default: `locale`'s). */
export function pageFormat(locale: string, currency: string, wordsLocale: string = locale): PageFormat {
  const tag = pageLocale(locale);
  const numbers = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const moneyOf = (whole: boolean) => {
    try {
      return new Intl.NumberFormat(tag, {
        style: "currency",
        currency,
        ...(whole ? { maximumFractionDigits: 0 } : {}),
      });
    } catch {
      return new Intl.NumberFormat(tag, { style: "currency", currency: "USD" });
    }
  };
  const month = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" });
  const list = new Intl.ListFormat(tag, { style: "long", type: "conjunction" });
  const rules = new Intl.PluralRules(tag);
  const words = pageWords(wordsLocale);
  const plural = (n: number, noun: { one: string; other: string }) =>
    rules.select(n) === "one" ? noun.one : noun.other;
  return {
    words,
    plural,
    number: (n) => numbers.format(n),
    percent: (whole) => percent.format(whole / 100),
    // Whole units when the price has no cents ("€19"), else the currency's own digits ("€19.50").
    money: (cents) => moneyOf(cents % 100 === 0).format(cents / 100),
    monthAfter: (now, months) => month.format(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1))),
    list: (items) => list.format(items),
    months: (n) => `${numbers.format(n)} ${plural(n, words.month)}`,
  };
}
