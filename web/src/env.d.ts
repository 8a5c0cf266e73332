/** Stylesheets imported for their side effect (Vite bundles them into a CSS file). */
declare module '*.css';
declare module 'virtual:hangul-font.css';
