/** The print kit's own words (components/print): toolbar, signature lines, blanks, separators. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  print: {
    print: 'Print',
    back: 'Back',
    notFound: 'No such printed form',
    printedAt: 'Printed {{time}}',
    datePattern: 'd MMMM yyyy',
    blankDate: '____ / ____ / ______',
    blankDateTime: '____ / ____ / ______   ____ : ____',
    date: 'Date: ',
    none: 'None',
    pair: '{{label}}: {{value}}',
    listSep: ', ',
    clauseSep: '; ',
    yes: 'Yes',
    no: 'No',
  },
};

export default en;
