import { type CsiWeightSet, DEFAULT_CSI_WEIGHT_SET } from './csi-weights';

/** The service process's configurable numbers; a new policy is a new value, never a code change. */
export type ServicePolicy = Readonly<{
  /** A repair order opened this many days after a settled one with the same labour operation is rework. */
  reworkWindowDays: number;
  /** The post-service callback (服务回访) is due this many hours after settlement. */
  callbackAfterHours: number;
  /** The weight set new CSI surveys are scored with. */
  csiWeightSet: CsiWeightSet;
}>;

export const DEFAULT_SERVICE_POLICY: ServicePolicy = {
  reworkWindowDays: 30,
  callbackAfterHours: 72,
  csiWeightSet: DEFAULT_CSI_WEIGHT_SET,
};
