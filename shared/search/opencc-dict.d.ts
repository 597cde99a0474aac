// opencc-js ships its raw dictionaries as untyped ES modules whose default export is "from to|from to…".
declare module "opencc-js/dict/TSCharacters" {
  const dictionary: string;
  export default dictionary;
}
