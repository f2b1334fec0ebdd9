// The work plans' public surface: other features (deadlines, reports) and the demo seed.
export { decideWorkPlan } from "./decide.ts";
export { eraseNameFromWorkPlans } from "./personal-data.ts";
export { presentWorkPlanToSteering } from "./present-to-steering.ts";
export { firstPresentationOf, plansInForceOn } from "./queries.ts";
export { recordActivityProgress } from "./record-progress.ts";
export { workPlanSection } from "./report-section.ts";
export { saveWorkPlanDraft } from "./save-draft.ts";
