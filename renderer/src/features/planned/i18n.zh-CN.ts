/** The modules of the product outline not built yet: their names in the menu and on their cards (app/NotBuiltPage says the rest). */
const zhCN = {
  nav: {
    foodSamples: '食品留样',
    fosterCare: '托养机构',
    outreach: '外展巡查',
    reports: '统计上报',
  },
  modules: {
    foodSamples: '每餐每菜留样 125 克、48 小时，冷藏温度记录',
    fosterCare: '托养机构登记、定期检查与暗访、整改、终止合同',
    outreach: '街面巡查、群众线索',
    reports: '专项行动总结上报',
  },
};

export default zhCN;
