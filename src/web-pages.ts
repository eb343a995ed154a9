/** The pages Counterframe runs on: any web page (http and https). */
export const WEB_PAGES = ['http://*/*', 'https://*/*'];
