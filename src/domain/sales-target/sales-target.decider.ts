import type { Decider } from '../shared/event';
import { businessDateOf } from '../showroom/showroom-traffic';
import type { ReviseSalesTarget, SalesTargetCommand, SetSalesTarget } from './sales-target.commands';
import {
  SalesTargetAlreadySet,
  SalesTargetFactOutOfOrder,
  SalesTargetLineInvalid,
  SalesTargetMonthClosed,
  SalesTargetNotSet,
  SalesTargetUnchanged,
} from './sales-target.errors';
import type { SalesTargetEvent, TargetFigures, TargetLine } from './sales-target.events';
import { nextMonth } from './target-month';

type LineState = TargetFigures & Readonly<{ at: string }>;

/** A dealer's targets of one month: each line's latest figures and when they were last changed. */
export type SalesTargetState =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'targeting';
      dealerId: string;
      month: string;
      lines: Readonly<Record<string, LineState>>;
    }>;

/** One stream per dealer and business month: the month's dealer, consultant and model targets. */
export const salesTargetStreamId = (dealerId: string, month: string): string =>
  `salestarget-${dealerId}_${month}`;

/** The line's name in the month: `dealer`, `consultant:<id>`, `model:<name>`. */
export const lineKey = (line: TargetLine): string => {
  switch (line.level) {
    case 'dealer':
      return 'dealer';
    case 'consultant':
      return `consultant:${line.consultantId}`;
    case 'model':
      return `model:${line.model}`;
    default: {
      const unreachable: never = line.level;
      return unreachable;
    }
  }
};

/** The line a command names, refused when its ids do not fit its level. */
const lineOf = ({ level, consultantId, model }: SalesTargetCommand['data']): TargetLine => {
  switch (level) {
    case 'dealer':
      if (consultantId !== undefined || model !== undefined)
        throw new SalesTargetLineInvalid(level, 'names no consultant or model');
      return { level, consultantId: null, model: null };
    case 'consultant':
      if (consultantId === undefined || model !== undefined)
        throw new SalesTargetLineInvalid(level, 'names a consultantId and no model');
      return { level, consultantId, model: null };
    case 'model':
      if (model === undefined || consultantId !== undefined)
        throw new SalesTargetLineInvalid(level, 'names a model and no consultantId');
      return { level, consultantId: null, model };
    default: {
      const unreachable: never = level;
      return unreachable;
    }
  }
};

/** A month's targets may be set and revised until the end of the month after it (CST); then they are history. */
const refuseClosedMonth = (month: string, now: string): void => {
  const today = businessDateOf(now);
  if (today.slice(0, 7) > nextMonth(month)) throw new SalesTargetMonthClosed(month, nextMonth(month), today);
};

const setTarget = (command: SetSalesTarget, state: SalesTargetState): SalesTargetEvent[] => {
  const { dealerId, month, orders, deliveries } = command.data;
  const line = lineOf(command.data);
  refuseClosedMonth(month, command.metadata.now);
  if (state.status === 'targeting' && state.lines[lineKey(line)])
    throw new SalesTargetAlreadySet(salesTargetStreamId(dealerId, month), lineKey(line));
  return [
    {
      type: 'SalesTargetSet',
      data: { dealerId, month, ...line, orders, deliveries, setAt: command.metadata.now },
    },
  ];
};

const reviseTarget = (command: ReviseSalesTarget, state: SalesTargetState): SalesTargetEvent[] => {
  const { dealerId, month, orders, deliveries, reason } = command.data;
  const { now } = command.metadata;
  const line = lineOf(command.data);
  const streamId = salesTargetStreamId(dealerId, month);
  const key = lineKey(line);
  const current = state.status === 'targeting' ? state.lines[key] : undefined;
  if (!current) throw new SalesTargetNotSet(streamId, key);
  refuseClosedMonth(month, now);
  if (Date.parse(now) < Date.parse(current.at))
    throw new SalesTargetFactOutOfOrder(streamId, key, now, current.at);
  if (current.orders === orders && current.deliveries === deliveries)
    throw new SalesTargetUnchanged(streamId, key);
  return [
    {
      type: 'SalesTargetRevised',
      data: {
        dealerId,
        month,
        ...line,
        orders,
        deliveries,
        from: { orders: current.orders, deliveries: current.deliveries },
        reason,
        revisedAt: now,
      },
    },
  ];
};

export const salesTargetDecider: Decider<SalesTargetState, SalesTargetCommand, SalesTargetEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    const { dealerId, month, orders, deliveries } = event.data;
    const at = event.type === 'SalesTargetSet' ? event.data.setAt : event.data.revisedAt;
    const lines = state.status === 'targeting' ? state.lines : {};
    return {
      status: 'targeting',
      dealerId,
      month,
      lines: { ...lines, [lineKey(event.data)]: { orders, deliveries, at } },
    };
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'SetSalesTarget':
        return setTarget(command, state);
      case 'ReviseSalesTarget':
        return reviseTarget(command, state);
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
};
