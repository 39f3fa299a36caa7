// Starts GOV.UK Frontend and MoJ Frontend components on every page.
import { createAll, initAll as initGovUk } from "/static/govuk/govuk-frontend.min.js";
import { FilterToggleButton, initAll as initMoj } from "/static/moj/moj-frontend.min.js";

initGovUk();
initMoj();
// MoJ Frontend's initAll leaves out the filter toggle (data-module="moj-filter"): list pages start it here.
createAll(FilterToggleButton);
