export type ComplaintChannel = 'hotline' | 'oem-call-centre' | 'dealer' | 'web';
export type ComplaintCategory = 'product' | 'service' | 'staff';
export type ComplaintSeverity = 'minor' | 'general' | 'major';
/** L1 dealer (一般), L2 escalated to the brand (升级), L3 major (重大: safety, injury, media, regulator). */
export type ComplaintLevel = 'L1' | 'L2' | 'L3';

export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = [
  'hotline',
  'oem-call-centre',
  'dealer',
  'web',
];
export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = ['product', 'service', 'staff'];
export const COMPLAINT_SEVERITIES: readonly ComplaintSeverity[] = ['minor', 'general', 'major'];
export const COMPLAINT_LEVELS: readonly ComplaintLevel[] = ['L1', 'L2', 'L3'];

export type ComplaintCustomer = Readonly<{
  customerId: string;
  name: string;
  phone: string;
}>;
