import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// This runs in Node.js - Don't use client-side code here (browser APIs, JSX...)

const sidebars: SidebarsConfig = {
  docs: [
    'intro',
    'getting-started',
    'accounts',
    'files',
    'uploads',
    'downloads',
    'archives',
    'sharing',
    'live-events',
    'configuration',
    {
      type: 'category',
      label: 'API',
      collapsed: false,
      items: ['api/errors'],
    },
  ],
};

export default sidebars;
