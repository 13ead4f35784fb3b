/** Word lists for the synthetic register: plausible MRZ names per nationality, premises and employers. */

export const NATIONALITY_WEIGHTS: [string, number, string][] = [
  ['CHN', 44, 'E'], ['VNM', 15, 'C'], ['THA', 7, 'A'], ['KOR', 6, 'M'], ['RUS', 3, '7'], ['PHL', 3, 'P'], ['IND', 3, 'Z'],
  ['JPN', 3, 'T'], ['USA', 3, '5'], ['FRA', 3, '1'], ['GBR', 2, '5'], ['D', 2, 'C'], ['MYS', 2, 'A'], ['IDN', 2, 'B'], ['AUS', 2, 'N'],
];

const WESTERN = {
  surnames: ['SMITH', 'MARTIN', 'BERNARD', 'MULLER', 'SCHMIDT', 'IVANOV', 'PETROV', 'BROWN', 'WILSON', 'DUBOIS', 'MOREAU', 'TAYLOR', 'SOKOLOV', 'WAGNER', 'JONES'],
  given: ['JOHN', 'MARIE', 'PETER', 'ANNA', 'DAVID', 'SOPHIE', 'THOMAS', 'ELENA', 'MICHAEL', 'JULIA', 'PAUL', 'OLGA', 'JAMES', 'CLAIRE', 'ALEXANDER'],
};

export const NAMES: Record<string, { surnames: string[]; given: string[] }> = {
  CHN: {
    surnames: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU', 'XU', 'SUN', 'MA', 'ZHU', 'HU', 'GUO', 'HE', 'LIN', 'LUO', 'GAO'],
    given: ['WEI', 'FANG', 'NA', 'MIN', 'JING', 'LEI', 'YAN', 'JUN', 'TAO', 'MING', 'XIAO', 'HONG', 'YONG', 'JIE', 'PING', 'HAO', 'YU', 'QIANG', 'LING', 'FENG'],
  },
  VNM: {
    surnames: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'HUYNH', 'PHAN', 'VU', 'VO', 'DANG', 'BUI', 'DO'],
    given: ['VAN', 'THI', 'MINH', 'ANH', 'HUNG', 'LAN', 'DUC', 'HOA', 'TUAN', 'MAI', 'LINH', 'NAM'],
  },
  THA: { surnames: ['SAETANG', 'WONGSAWAT', 'CHAIYAPORN', 'SRISUK', 'BOONMA', 'KAEWKLA'], given: ['SOMCHAI', 'SOMSAK', 'MALEE', 'NARONG', 'SUDA', 'PRASERT'] },
  KOR: { surnames: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON'], given: ['MINJUN', 'SEOYEON', 'JIHOON', 'HYUN', 'SOOJIN', 'DONGHYUN'] },
  JPN: { surnames: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA', 'WATANABE', 'ITO'], given: ['HIROSHI', 'YUKI', 'TAKESHI', 'AKIKO', 'KENJI', 'HARUKA'] },
  PHL: { surnames: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'GARCIA', 'MENDOZA'], given: ['JOSE', 'MARIA', 'JUAN', 'ROSALIE', 'MARK', 'JOY'] },
  IND: { surnames: ['SHARMA', 'SINGH', 'KUMAR', 'PATEL', 'GUPTA', 'REDDY'], given: ['RAHUL', 'PRIYA', 'AMIT', 'SUNITA', 'RAJ', 'ANITA'] },
  MYS: { surnames: ['TAN', 'LIM', 'WONG', 'ABDULLAH', 'ISMAIL', 'RAHMAN'], given: ['AHMAD', 'SITI', 'WEI MING', 'NURUL', 'HAFIZ', 'MEI LING'] },
  IDN: { surnames: ['SANTOSO', 'WIJAYA', 'HALIM', 'SETIAWAN', 'GUNAWAN', 'SUSANTO'], given: ['BUDI', 'DEWI', 'AGUS', 'SRI', 'EKO', 'PUTRI'] },
};

export function namesFor(nationality: string) {
  return NAMES[nationality] ?? WESTERN;
}

/** Khmer-script renderings people write beside the MRZ name. */
export const KHMER_NAMES: Record<string, string> = {
  WANG: 'វ៉ាង', LI: 'លី', ZHANG: 'ចាង', LIU: 'លីវ', CHEN: 'ចិន', YANG: 'យ៉ាង', HUANG: 'ហ័ង', ZHAO: 'ចាវ', WU: 'អ៊ូ', ZHOU: 'ចូវ',
  NGUYEN: 'ង្វៀន', TRAN: 'ត្រឹន', LE: 'លេ', PHAM: 'ផាម', KIM: 'គីម', PARK: 'ផាក', LEE: 'លី', LIN: 'លីន', MA: 'ម៉ា',
  WEI: 'វេ', MIN: 'មីន', MING: 'មីង', JUN: 'ជុន', VAN: 'វ៉ាន់', THI: 'ធី', ANH: 'អាញ', LAN: 'ឡាន', HONG: 'ហុង', NA: 'ណា',
};

export const PREMISES_WORDS = ['Golden', 'Lucky', 'Royal', 'Diamond', 'Star', 'Dragon', 'Lotus', 'Angkor', 'Mekong', 'Sunrise', 'Ocean', 'Palm', 'Jade', 'Pearl', 'Phoenix', 'Emerald', 'Sokha', 'Boeng', 'Riverside', 'Silver'];
export const PREMISES_WORDS_KM = ['មាស', 'សំណាង', 'រាជ', 'ពេជ្រ', 'ផ្កាយ', 'នាគ', 'ឈូក', 'អង្គរ', 'មេគង្គ', 'ថ្ងៃរះ', 'មហាសមុទ្រ', 'ត្នោត', 'ត្បូង', 'គុជ', 'ហង្ស', 'មរកត', 'សុខា', 'បឹង', 'មាត់ទន្លេ', 'ប្រាក់'];

export const PREMISES_TYPES: [string, number, string, string][] = [
  ['rental', 30, 'Rental Rooms', 'ផ្ទះជួល'], ['apartment', 18, 'Apartment', 'អាផាតមិន'], ['hotel', 10, 'Hotel', 'សណ្ឋាគារ'],
  ['guesthouse', 10, 'Guesthouse', 'ផ្ទះសំណាក់'], ['construction', 12, 'Construction Site', 'ការដ្ឋានសំណង់'], ['factory', 7, 'Factory', 'រោងចក្រ'],
  ['office', 5, 'Office', 'ការិយាល័យ'], ['casino', 4, 'Casino', 'កាស៊ីណូ'], ['restaurant', 3, 'Restaurant', 'ភោជនីយដ្ឋាន'], ['other', 1, 'Compound', 'បរិវេណ'],
];

export const SECTORS = ['construction', 'garment', 'casino', 'hospitality', 'trading', 'technology', 'agriculture', 'manufacturing'];
export const JOB_TITLES = ['Engineer', 'Site manager', 'Accountant', 'Cook', 'Technician', 'Sales manager', 'Supervisor', 'Teacher', 'Dealer', 'Interpreter'];
export const OWNER_SURNAMES = ['SOK', 'CHAN', 'KIM', 'LY', 'HENG', 'SENG', 'PHAN', 'CHEA', 'TAN', 'MEAS', 'KEO', 'NOU'];
export const OWNER_GIVEN = ['DARA', 'SOPHEA', 'VANNA', 'BOPHA', 'RITHY', 'SREYMOM', 'PISETH', 'CHANTHA', 'SOKHA', 'VIBOL'];
export const VISA_TYPES: [string, number][] = [['EB', 50], ['EG', 20], ['T', 15], ['ER', 5], ['ES', 5], ['K', 5]];
export const ENTRY_POINTS = ['Phnom Penh International Airport', 'Siem Reap Angkor International Airport', 'Sihanoukville International Airport', 'Bavet', 'Poipet', 'Koh Kong'];
