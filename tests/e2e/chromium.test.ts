import { chromiumDriver } from './support/driver';
import { describeExtension } from './support/scenarios';

describeExtension('Chromium (playwright-core)', chromiumDriver);
