export type PaymentMethod = 'cash' | 'loan' | 'lease';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'loan', 'lease'];

/** The buyer as the prospect file named them; the customer id ties the sale to service, complaints and club. */
export type SaleCustomer = Readonly<{
  customerId: string;
  name: string;
  phone: string;
  /**
   * For the invoice and the vehicle registration, when the buyer gives them (personal data). Null in an
   * answer to a role that may not see ID numbers (the revealer withholds it); never null when recorded.
   */
  idNumber?: string | null;
  address?: string;
}>;

/** The five SSI factors of the 7-day post-delivery survey (J.D. Power China). */
export type SsiFactor = 'delivery-process' | 'sales-initiation' | 'deal' | 'dealer-facility' | 'salesperson';
export const SSI_FACTORS: readonly SsiFactor[] = [
  'delivery-process',
  'sales-initiation',
  'deal',
  'dealer-facility',
  'salesperson',
];

/** Answers 1–10 per factor, and "would you recommend" 0–10. */
export type SsiAnswers = Readonly<Record<SsiFactor, number>>;
export type SsiSurvey = Readonly<{ answers: SsiAnswers; wouldRecommend: number }>;

const DAY_MS = 86_400_000;
/** The SSI callback is due seven days after delivery (domain brief, customer care). */
export const DELIVERY_CALLBACK_DAYS = 7;
export const callbackDueAfter = (deliveredAt: string): string =>
  new Date(Date.parse(deliveredAt) + DELIVERY_CALLBACK_DAYS * DAY_MS).toISOString();
