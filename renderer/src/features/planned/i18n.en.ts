/** The modules of the product outline not built yet: their names in the menu and on their cards (app/NotBuiltPage says the rest). */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: {
    foodSamples: 'Food samples',
    fosterCare: 'Foster-care homes',
    outreach: 'Outreach',
    reports: 'Reports',
  },
  modules: {
    foodSamples: 'A 125 g sample of every dish kept 48 h; fridge temperatures',
    fosterCare: 'Foster-care homes: register, inspections, rectification, termination',
    outreach: 'Street outreach patrols and public tips',
    reports: 'Campaign summary report to the bureau',
  },
};

export default en;
