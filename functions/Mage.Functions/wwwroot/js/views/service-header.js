// The heading, breadcrumbs and sub-navigation shared by a service's pages.

import { seg } from '../api.js';
import { h } from '../dom.js';

/** page: "builds" or "configuration". */
export function serviceHeader(service, page, title) {
  const link = (href, text, current) => h('a', { href, text, 'aria-current': current ? 'page' : false });
  return [
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
      h('a', { href: '#/', text: 'Services' }), ' › ', h('span', { text: service })),
    h('h1', { text: title }),
    h('nav', { 'aria-label': `Pages of ${service}` },
      h('ul', { class: 'subnav' },
        h('li', {}, link(`#/services/${seg(service)}`, 'Builds', page === 'builds')),
        h('li', {}, link(`#/services/${seg(service)}/configuration`, 'Configuration', page === 'configuration')))),
  ];
}
