import type { Command } from '../shared/event';

/** Dates are calendar days in CST, `YYYY-MM-DD`; at least one is given; a later revision replaces a date. */
export type RecordVehicleDates = Command<
  'RecordVehicleDates',
  {
    vin: string;
    dealerId: string;
    customerId: string;
    insuranceExpiresOn?: string;
    inspectionDueOn?: string;
  }
>;

/** Issued by the care-vehicle reactor for every settled repair order of the VIN. */
export type RecordVehicleService = Command<
  'RecordVehicleService',
  {
    vin: string;
    dealerId: string;
    customerId: string;
    repairOrderId: string;
    settledAt: string;
    checkedInAt: string;
    mileageKm: number;
  }
>;

export type CareVehicleCommand = RecordVehicleDates | RecordVehicleService;
