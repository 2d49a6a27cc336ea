// Refund reasons, ordinary claims and complaints, and the extortion texts of malicious claimants.
// Slots in braces are filled by the generator ({amount} in yuan, written in varied ways).

/** Reasons for refund-only requests before shipping (ordinary second thoughts). */
export const REFUND_REASONS_BEFORE_SHIPPING = ['拍错了', '不想要了', '地址填错了', '多拍了', '重复下单', '七天无理由'];
/** Reasons for return-and-refund after delivery. */
export const RETURN_REASONS = ['尺码不合适', '不喜欢', '质量问题', '与描述不符', '颜色有色差', '七天无理由退货'];
/** Reasons with photos: genuinely damaged goods. */
export const DAMAGE_REASONS = ['收到商品破损', '外包装破损，商品碎了', '快递压坏了', '商品漏液', '到货就是坏的'];
/** What refund-only farms write (no evidence attached). */
export const ABUSE_REFUND_REASONS = ['未收到货', '商品有问题', '与描述不符', '少件', '商品质量问题'];

/** Ordinary claims for damaged or wrong goods, in everyday wording. */
export const GENUINE_CLAIMS = [
  '收到的商品有破损，申请赔偿', '发错了颜色，和商家沟通无果，请平台介入', '商品漏发一件，请处理',
  '快递把东西压坏了，商家说找快递，请平台协调', '商品和页面描述不一致，申请退款', '收到的東西是壞的，請平台處理',
];

/** Ordinary complaints unrelated to abuse (background noise). */
export const ORDINARY_COMPLAINTS: readonly (readonly ['counterfeit' | 'other' | 'abnormal_orders', string])[] = [
  ['counterfeit', '怀疑是假货，和专柜的不一样'], ['other', '商家一直不发货'], ['other', '客服不回复消息'],
  ['counterfeit', '包装和官网不一样，怀疑不是正品'], ['abnormal_orders', '店铺突然出现很多奇怪的订单'],
];

/**
 * Extortion demands of professional claimants (职业打假). {amount} is the sum in yuan. Many cite
 * the Food Safety Law's ten-fold compensation or threaten complaints to 12315 and store closure.
 */
export const EXTORTION_DEMANDS = [
  '你们的产品标签不合格，要么私了转{amount}元，要么我去12315举报你们',
  '商品虚假宣传，赔{amount}元这事就算了，不然投诉到你关店',
  '给你一天时间，转{amount}元封口费，否则我向市场监管局举报',
  '我是职业打假的，你们这个违反广告法，{amount}块私了，不然等着被罚款',
  '标签没有中文，按食品安全法十倍赔偿，{amount}元，不赔就举报',
  '私了吧，{amount}元，不然我天天投诉，让你店铺降权',
  '不想被投诉就转{amount}，我手上证据很多',
  '你們產品有問題，私了轉{amount}元，不然舉報到12315',
];

/** Texts of claims filed by such claimants: the same demand in a claim form. */
export const EXTORTION_CLAIM_REASONS = ['虚假宣传', '标签不合格', '违反广告法', '食品安全问题', '假冒伪劣'];

/** A merchant's complaint about an extortionate claimant. */
export const MERCHANT_EXTORTION_COMPLAINTS = [
  '买家以投诉关店相威胁索要{amount}元', '职业打假人恶意索赔，要求私了{amount}元', '买家多次威胁举报，要求转账{amount}元封口费',
  '恶意投诉，买家明确表示不给钱就一直投诉',
];
