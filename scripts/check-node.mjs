// Stops npm start / npm test at once on a Node.js too old (22.18 runs TypeScript files without a flag), with what to do instead of a stack
// trace. Plain JavaScript, not TypeScript: it must run on the old Node it is warning about.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    [
      `This course needs Node.js 22.18 or newer; this is Node.js ${process.versions.node}.`,
      'Install Node.js 22 LTS from https://nodejs.org/ (or with nvm: nvm install 22), or run once with Node 22 from npm:',
      '  npx -y -p node@22 -- npm start',
      '  npx -y -p node@22 -- npm test',
    ].join('\n'),
  );
  process.exit(1);
}
