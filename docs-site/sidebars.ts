import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// This runs in Node.js - Don't use client-side code here (browser APIs, JSX...)

const sidebars: SidebarsConfig = {
  docs: [
    'intro',
    'architecture',
    'getting-started',
    'accounts',
    'files',
    'uploads',
    'downloads',
    'archives',
    'sharing',
    'live-events',
    'configuration',
    'design-decisions',
    {
      type: 'category',
      label: 'API',
      collapsed: false,
      items: ['api/errors', 'api/descriptions'],
    },
  ],
};

export default sidebars;
