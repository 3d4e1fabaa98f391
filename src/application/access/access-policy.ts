import { ROLES, type Role } from './principal';

/** Who reads service and club records: the service desk, complaint handling, the brand and oversight. */
const SERVICE_READERS: readonly Role[] = [
  'service-advisor',
  'customer-service',
  'dealer-manager',
  'oem-staff',
  'analyst',
  'auditor',
  'admin',
];

/**
 * The one policy table: which roles hold each permission. Every route names exactly one permission
 * (`@Permit`), so this table is the whole answer to "who may call what" (docs/access.md shows it).
 * Dealer and owner limits come on top of it (tenancy.ts, command-authoriser.ts).
 */
export const ACCESS_POLICY = {
  // complaints (the closed loop)
  'complaint.file': ['customer-service', 'dealer-manager', 'oem-staff', 'admin'],
  'complaint.handle': ['customer-service', 'dealer-manager', 'admin'],
  'complaint.assign': ['customer-service', 'dealer-manager', 'oem-staff', 'admin'],
  'complaint.read': ['customer-service', 'dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  'complaint.trail': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  'complaint.kpi': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // sales
  'prospect.register': ['sales-consultant', 'dealer-manager', 'oem-staff', 'admin'],
  'prospect.work': ['sales-consultant', 'dealer-manager', 'admin'],
  'prospect.reassign': ['dealer-manager', 'admin'],
  'prospect.read': ['sales-consultant', 'dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  'sale.work': ['sales-consultant', 'dealer-manager', 'admin'],
  'sale.callback': ['customer-service', 'dealer-manager', 'admin'],
  'sale.read': [
    'sales-consultant',
    'customer-service',
    'dealer-manager',
    'oem-staff',
    'analyst',
    'auditor',
    'admin',
  ],
  'showroom.log': ['sales-consultant', 'dealer-manager', 'admin'],
  'sales.kpi': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // customer characteristics: aggregates of protected data (small cells suppressed), for managers and analysis
  'sales.characteristics': ['dealer-manager', 'oem-staff', 'analyst', 'admin'],
  // targets: a dealer manager sets their dealer's, OEM staff any dealer's; the forecast's weights are the OEM's
  'sales.target': ['dealer-manager', 'oem-staff', 'admin'],
  'sales.forecast-weights': ['oem-staff', 'admin'],
  // OEM leads: the OEM hands them, the lead's dealer works them
  'lead.hand': ['oem-staff', 'admin'],
  // the dealer data centre: every dealer side by side, so the OEM's (no dealer-bound role, not even its own row)
  'ddc.read': ['oem-staff', 'admin'],
  // data completeness: the OEM sets the network's required fields; a dealer manager reads its dealer's report
  'data-quality.read': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  'data-quality.required-fields': ['oem-staff', 'admin'],
  'lead.work': ['sales-consultant', 'dealer-manager', 'admin'],
  'lead.read': ['sales-consultant', 'dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  'lead.kpi': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // campaigns: OEM marketing runs them; a dealer manager reads its own dealer's part of the effect
  'campaign.run': ['oem-staff', 'admin'],
  'campaign.read': ['oem-staff', 'analyst', 'auditor', 'admin'],
  'campaign.effect': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // fleet accounts (集团客户): a consultant works the accounts they manage; 集团调配 is the dealer manager's
  'fleet.manage': ['sales-consultant', 'dealer-manager', 'admin'],
  'fleet.reassign': ['dealer-manager', 'admin'],
  'fleet.read': ['sales-consultant', 'dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // service
  'repair.work': ['service-advisor', 'dealer-manager', 'admin'],
  'repair.survey': ['service-advisor', 'customer-service', 'dealer-manager', 'admin'],
  'repair.read': SERVICE_READERS,
  'service.kpi': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // loyalty club
  'membership.manage': ['service-advisor', 'dealer-manager', 'admin'],
  'membership.adjust': ['dealer-manager', 'admin'],
  'membership.read': SERVICE_READERS,
  'loyalty.kpi': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  'loyalty.simulate': ['dealer-manager', 'oem-staff', 'analyst', 'admin'],
  // calls from the call centre (CTI): the connector posts as the desk or the OEM's call centre
  'call.log': ['customer-service', 'oem-staff', 'admin'],
  'call.read': ['customer-service', 'dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  'call.kpi': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // care tasks (客户关怀 callbacks): the desk calls, a consultant makes the three-month call of their own sales
  'care.work': ['sales-consultant', 'service-advisor', 'customer-service', 'dealer-manager', 'admin'],
  'care.assign': ['dealer-manager', 'admin'],
  // the dates care reminds of (insurance expiry, annual inspection), recorded with the vehicle by its dealer
  'care.vehicle': ['sales-consultant', 'service-advisor', 'customer-service', 'dealer-manager', 'admin'],
  // every role: the desks work the list, the others oversee it
  'care.read': ROLES,
  // holiday greetings (节日问候): a dealer manager schedules and cancels them for the whole dealer
  'care.greeting': ['dealer-manager', 'admin'],
  'care.kpi': ['dealer-manager', 'oem-staff', 'analyst', 'auditor', 'admin'],
  // integration: the event feed (each event also needs its record's read permission, read-feed.ts)
  'integration.feed': [
    'service-advisor',
    'customer-service',
    'dealer-manager',
    'oem-staff',
    'analyst',
    'auditor',
    'admin',
  ],
  'integration.webhooks': ['admin'],
  // oversight
  'integrity.verify': ['auditor', 'admin'],
  // One person's file; a dealer-bound reader sees only their dealer's records in it (customer-file.query.ts).
  'customer.read': [
    'sales-consultant',
    'service-advisor',
    'customer-service',
    'dealer-manager',
    'oem-staff',
    'auditor',
    'admin',
  ],
  // The customer at the phone (CTI screen pop): the desks that take calls, and the OEM's call centre.
  'customer.lookup': [
    'sales-consultant',
    'service-advisor',
    'customer-service',
    'dealer-manager',
    'oem-staff',
    'admin',
  ],
  'customer.forget': ['admin'],
  'access-audit.read': ['auditor', 'admin'],
  'admin.read': ['analyst', 'auditor', 'admin'],
  'admin.rebuild': ['analyst', 'admin'],
  'admin.manage': ['admin'],
  // checks a credential and the connection; does nothing, so every role may
  'diagnostics.noop': ROLES,
  // tells the caller what its own credential says (the web app's sign-in), so every role may
  'access.whoami': ROLES,
  // Prometheus scrapes with an admin's API key: the figures name every route, command and projection
  'operations.metrics': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ACCESS_POLICY;

export const PERMISSIONS = Object.keys(ACCESS_POLICY) as Permission[];

export const isPermission = (value: unknown): value is Permission =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACCESS_POLICY, value);

export const roleMay = (role: Role, permission: Permission): boolean =>
  (ACCESS_POLICY[permission] as readonly Role[]).includes(role);
