import type { ResolvedModel } from '../model/resolve-model.js';

/**
 * Models for the stages of a write run besides the writer (the run's own model): the planner
 * (the outline) and the reviewer (the calls that revise, expand, condense and summarise
 * sections). A stage without one uses the writer's model.
 */
export interface StageModels {
  planner?: ResolvedModel;
  reviewer?: ResolvedModel;
}
