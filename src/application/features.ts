import { campaignFeature } from './campaign/campaign.feature';
import { credentialFeature } from './access/credential.feature';
import { callFeature } from './call/call.feature';
import { careTaskFeature } from './care-task/care-task.feature';
import { careVehicleFeature } from './care-task/care-vehicle.feature';
import { careConsentFeature } from './care-task/care-consent.feature';
import { careGreetingFeature } from './care-greeting/care-greeting.feature';
import { clubActivityFeature } from './club-activity/club-activity.feature';
import { webhookSubscriptionFeature } from './integration/webhook-subscription.feature';
import { complaintFeature } from './complaint/complaint.feature';
import { fleetAccountFeature } from './fleet-account/fleet-account.feature';
import { fleetOrderFeature } from './fleet-order/fleet-order.feature';
import { giftFeature } from './gift/gift.feature';
import { leadFeature } from './lead/lead.feature';
import { prospectLeadsFeature } from './lead/prospect-leads.feature';
import { memberCardClaimFeature } from './membership/member-card-claim.feature';
import { membershipFeature } from './membership/membership.feature';
import { customerIndexFeature } from './privacy/customer-index.feature';
import { dataSubjectFeature } from './privacy/data-subject.feature';
import { fileAccessFeature } from './privacy/file-access.feature';
import { requiredFieldsFeature } from './data-quality/required-fields.feature';
import { repairOrderFeature } from './repair-order/repair-order.feature';
import { prospectPhoneFeature } from './sales/prospect-phone.feature';
import { prospectFeature } from './sales/prospect.feature';
import { showroomTrafficFeature } from './sales/showroom-traffic.feature';
import { vehicleSaleFeature } from './sales/vehicle-sale.feature';
import { vehicleVinClaimFeature } from './vehicle-vin/vehicle-vin-claim.feature';
import { fleetVehicleClaimFeature } from './fleet-vehicle/fleet-vehicle-claim.feature';
import { forecastWeightsFeature, salesTargetFeature } from './sales-target/sales-target.feature';
import type { ClockWatcher } from './shared/clock-watcher';
import { type EventTypeRegistration, registrationsOf } from './shared/event-catalog';
import type { AnyFeature, FeatureDeps } from './shared/feature';
import type { AnyProjection } from '../projections/shared/projection';
import type { ReactorDefinition } from './shared/reactor';

/**
 * Every feature, the only registry: everything below is derived from it. A new aggregate adds its
 * `<aggregate>.feature.ts` here. The order is the order projections are listed and rebuilt in, and the
 * order `crm kpi` lists the KPIs in.
 */
export const FEATURES: readonly AnyFeature[] = [
  complaintFeature,
  repairOrderFeature,
  prospectFeature,
  prospectPhoneFeature,
  showroomTrafficFeature,
  vehicleSaleFeature,
  vehicleVinClaimFeature,
  salesTargetFeature,
  forecastWeightsFeature,
  leadFeature,
  prospectLeadsFeature,
  campaignFeature,
  fleetAccountFeature,
  fleetVehicleClaimFeature,
  fleetOrderFeature,
  membershipFeature,
  memberCardClaimFeature,
  giftFeature,
  clubActivityFeature,
  credentialFeature,
  dataSubjectFeature,
  fileAccessFeature,
  webhookSubscriptionFeature,
  customerIndexFeature,
  callFeature,
  careTaskFeature,
  careVehicleFeature,
  careConsentFeature,
  careGreetingFeature,
  requiredFieldsFeature,
];

/** Every event type the system writes; the catalog refuses a type declared twice. */
export const ALL_EVENT_TYPES: readonly EventTypeRegistration[] = FEATURES.flatMap((feature) =>
  registrationsOf(feature.eventTypes, feature.personalData, feature.upcasters),
);

/** Every projection the engine runs: the features' own and their KPIs', each once, in the order listed. */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  ...new Map(
    FEATURES.flatMap((feature) => [
      ...(feature.projections ?? []),
      ...Object.values(feature.kpis ?? {}).flatMap((kpi) => kpi.projections ?? []),
    ]).map((projection) => [projection.name, projection] as const),
  ).values(),
];

/** Every reactor the engine runs, with the dependencies it needs. */
export const createReactors = (deps: FeatureDeps): ReactorDefinition[] =>
  FEATURES.flatMap((feature) => feature.reactors?.(deps) ?? []);

/** A clock watcher with the feature whose commands it sends. */
export type FeatureWatcher = Readonly<{ feature: AnyFeature; watcher: ClockWatcher }>;

export const ALL_WATCHERS: readonly FeatureWatcher[] = FEATURES.flatMap((feature) =>
  (feature.watchers ?? []).map((watcher) => ({ feature, watcher })),
);
