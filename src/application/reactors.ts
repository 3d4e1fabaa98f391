import { createLoyaltyEarningReactor } from './membership/loyalty-earning.reactor';
import type { CommandPipeline } from './shared/command-pipeline';
import type { ReactorDefinition } from './shared/reactor';

export type ReactorDeps = Readonly<{ pipeline: CommandPipeline }>;

/** Every reactor the engine runs. A reactor is added here with the dependencies it needs. */
export const createReactors = (deps: ReactorDeps): ReactorDefinition[] => [
  createLoyaltyEarningReactor(deps.pipeline),
];
