import { firefoxDriver } from './support/driver';
import { describeHostilePage } from './support/hostile';
import { describeReading } from './support/reading';
import { describeRealPages } from './support/real-pages';
import { describeReport } from './support/report';
import { describeCorpusReport } from './support/corpus-report';
import { describeExtension } from './support/scenarios';
import { describeSiteSwitch } from './support/site-switch';
import { describeUnusualPages } from './support/unusual-pages';

const FIREFOX = 'Firefox ESR (puppeteer-core over WebDriver BiDi)';

describeExtension(FIREFOX, firefoxDriver);
describeSiteSwitch(FIREFOX, firefoxDriver);
describeReading(FIREFOX, firefoxDriver);
describeReport(FIREFOX, firefoxDriver);
describeCorpusReport(FIREFOX, firefoxDriver);
describeHostilePage(FIREFOX, firefoxDriver);
describeUnusualPages(FIREFOX, firefoxDriver);
describeRealPages(FIREFOX, firefoxDriver);
