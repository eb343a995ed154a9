export { hugeArticle } from '../../scripts/lib/huge-article';
