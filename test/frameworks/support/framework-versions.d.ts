declare module 'framework-versions' { const versions: Record<string, string>; export default versions; }
