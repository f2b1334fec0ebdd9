// The shared services' public surface.
export { createService } from "./create.ts";
export { requireServiceOfAgreement, servicesOfAgreement } from "./queries.ts";
export { recordAvailability } from "./record-availability.ts";
export { serviceSection } from "./report-section.ts";
export { subscribeToService, unsubscribeFromService } from "./subscribe.ts";
