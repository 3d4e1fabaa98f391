import { Command } from '@nestjs/cqrs';
import type {
  OrderProspect,
  ProspectCommand,
  RegisterProspect,
} from '../../domain/prospect/prospect.commands';
import type { LogWalkInGroups } from '../../domain/showroom/showroom-traffic';
import type { SignOrder, VehicleSaleCommand } from '../../domain/vehicle-sale/vehicle-sale.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** Any of the domain commands `C` as the API sends it (the pipeline adds the metadata); its `type` says which. */
type Sent<C extends { type: string; data: object }> = Readonly<{ type: C['type']; data: C['data'] }>;

/** Registration's outcome: a new prospect, or a touch on the one that already has this phone. */
export type RegistrationOutcome = Readonly<{
  prospectId: string;
  duplicateOf: string | null;
  /** The consultant who owns the prospect: for a repeat enquiry, the owner it was counted on. */
  consultantId: string;
  result: CommandResult;
}>;
export type OrderOutcome = Readonly<{ prospectId: string; saleId: string; result: CommandResult }>;

export class RegisterProspectCommand extends Command<RegistrationOutcome> {
  constructor(
    readonly data: Omit<RegisterProspect['data'], 'phoneHash'>,
    readonly context: CommandContext,
    /**
     * The phone's blind index when the caller holds it and not the clear phone (an OEM lead's prospect
     * file: the lead stores the phone encrypted, and its hash).
     */
    readonly phoneHash?: string,
  ) {
    super();
  }
}

export type OrderTerms = Omit<
  SignOrder['data'],
  'saleId' | 'prospectId' | 'dealerId' | 'consultantId' | 'customer'
> & {
  /** The buyer's ID number and address for the invoice and registration; added to the sale's customer. */
  buyer?: Readonly<{ idNumber?: string; address?: string }>;
};

export class OrderProspectCommand extends Command<OrderOutcome> {
  constructor(
    readonly prospectId: string,
    readonly terms: OrderTerms,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The prospect's other steps share one handler: each is "load, decide, append" with nothing of its own, so
 * thirteen identical classes would add nothing but lines.
 */
export type ProspectStep = Sent<Exclude<ProspectCommand, RegisterProspect | OrderProspect>>;

export class ProspectStepCommand extends Command<CommandResult> {
  constructor(
    readonly step: ProspectStep,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export type VehicleSaleStep = Sent<Exclude<VehicleSaleCommand, SignOrder>>;

export class VehicleSaleStepCommand extends Command<CommandResult> {
  constructor(
    readonly step: VehicleSaleStep,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class LogWalkInGroupsCommand extends Command<CommandResult> {
  constructor(
    readonly data: LogWalkInGroups['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
