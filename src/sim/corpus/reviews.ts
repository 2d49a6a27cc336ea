// Review texts by rating, and the templated praise of brushing platforms. Mostly simplified
// Chinese; a share is converted to traditional script by the generator, and a few are written
// in traditional here directly, as Hong Kong and Taiwan buyers do.

/** Four- and five-star review texts. */
export const REVIEWS_GOOD = [
  '质量很好，物流也快，下次还来', '和图片一样，很满意', '包装很用心，宝贝不错', '穿着很舒服，尺码标准',
  '性价比很高，推荐购买', '第二次买了，一如既往的好', '客服态度很好，耐心解答', '味道不错，家里人都喜欢',
  '发货速度快，第二天就到了', '东西挺好的，就是快递慢了点', '颜色很正，没有色差', '很实用，物超所值',
  '做工精细，值得购买', '孩子很喜欢', '已经回购好几次了', '好评，卖家很负责', '挺好用的，没毛病',
  '質量很好，會回購', '寶貝收到了，很喜歡', '東西不錯，物流很快',
];

/** Three-star review texts. */
export const REVIEWS_MIXED = [
  '还行吧，一般般', '东西可以，就是包装简陋', '尺码偏小，建议拍大一号', '味道一般，不会回购',
  '物流太慢了，东西还行', '有点色差，勉强能接受',
];

/** One- and two-star review texts. */
export const REVIEWS_BAD = [
  '质量太差了，穿一次就起球', '和描述不符，有色差', '发错货了，客服也不理人', '收到就是坏的，差评',
  '尺码偏小，面料一般', '味道很奇怪，不新鲜', '做工粗糙，线头很多', '用了两天就坏了', '包装破损，东西洒了',
  '假货，和专柜的不一样', '物流超级慢，等了一个星期', '客服态度差，问了也不回',
  '質量太差，不推薦', '收到的東西是壞的',
];

/**
 * Templated praise posted by brushing platforms' workers within hours of delivery. Slots:
 * {item} the item noun. Brushers copy a few templates with small changes, so texts repeat.
 */
export const BRUSHING_PRAISE = [
  '宝贝收到了，质量非常好，{item}和描述的一模一样，物流很快，好评！',
  '非常满意的一次购物，{item}做工精细，包装严实，五星好评！',
  '第一次在这家买，{item}超出预期，卖家服务态度好，推荐大家购买！',
  '{item}很好用，性价比超高，物流神速，好评好评！',
  '质量很好，{item}颜色很正，发货很快，值得购买，五分好评！',
  '收到货了，{item}特别好，客服很热情，下次还会再来！',
];
