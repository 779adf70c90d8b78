/** The print kit's own words (components/print): toolbar, signature lines, blanks, separators. */
const zhCN = {
  print: {
    print: '打印',
    back: '返回',
    notFound: '没有这种打印表格',
    printedAt: '打印时间：{{time}}',
    datePattern: 'yyyy年M月d日',
    blankDate: '年　　月　　日',
    blankDateTime: '年　　月　　日　　时　　分',
    date: '日期：',
    none: '无',
    pair: '{{label}}：{{value}}',
    listSep: '、',
    clauseSep: '；',
    yes: '是',
    no: '否',
  },
};

export default zhCN;
