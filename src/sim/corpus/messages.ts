// Chat, SMS and call texts: ordinary questions and answers, polite after-sale follow-ups,
// merchant threats (harassment) and review-manipulation offers. Slots in braces are filled by
// the generator.

/** Pre-sale questions buyers ask merchants. */
export const BUYER_QUESTIONS = [
  '你好，这个还有货吗？', '请问什么时候发货？', '这个尺码怎么选？我身高165体重110', '可以便宜一点吗？',
  '能开发票吗？', '请问是正品吗？', '发什么快递？', '有赠品吗？', '可以改地址吗？', '这个和那个有什么区别？',
  '請問什麼時候發貨？', '你好，到貨了嗎',
];

/** Merchants' answers to pre-sale questions. */
export const MERCHANT_REPLIES = [
  '亲，有货的，拍下当天发', '亲，48小时内发货哦', '亲，建议拍M码', '亲，已经是最低价了哦', '可以开的亲，下单备注抬头',
  '亲，我们是官方授权正品', '默认中通快递，可以备注顺丰补差价', '地址已帮您修改', '亲，收到了吗？有问题随时联系',
];

/** A merchant's polite reply to a bad review: apologise, offer return or exchange. */
export const POLITE_FOLLOWUPS = [
  '亲，非常抱歉给您带来不好的购物体验，您看是换货还是退款，我们都可以处理的',
  '您好，看到您的评价了，实在抱歉，我们马上给您补发一件，麻烦您提供一下照片',
  '亲，对不起让您失望了，运费我们来承担，您申请退货就行',
  '您好，关于您反映的问题我们已经反馈给仓库了，给您退一部分款作为补偿可以吗？',
  '抱歉亲，是我们的疏忽，给您补发新的，旧的不用退回了',
  '親，非常抱歉，我們可以為您換貨或者退款',
];

/** Threats a merchant sends after a bad review. {name} is the buyer's surname form. */
export const THREATS = [
  '你给我把差评删了，不然你等着', '我知道你住哪里，别逼我上门', '差评不删，我天天打电话给你',
  '你这种人就是找事，小心点', '信不信我找人去你家门口等你', '{name}，你的地址电话我都有，自己看着办',
  '最后说一次，删差评，不然后果自负', '敢给差评？你家在哪我清楚得很', '今天不改好评，明天你就知道了',
  '你給我等著，我知道你住哪', '不刪差評就讓你好看',
];

/** What the repeated calls look like in a message log: call records with short notes. */
export const CALL_NOTES = ['', '未接来电', '通话1分钟', '对方挂断', '语音留言：删差评', '通话30秒'];

/** The consumer's complaint about harassment. */
export const HARASSMENT_COMPLAINTS = [
  '给了差评之后商家一直打电话骚扰，还威胁我说知道我住哪', '商家发短信威胁我删差评，一天打了十几个电话',
  '卖家辱骂威胁，要求删除评价，请平台处理', '商家用我的收货电话不停骚扰我，严重影响生活',
  '商家威脅我刪差評，一直打電話騷擾',
];

/**
 * Offers of review-manipulation services sent to merchants. Slots: {price} yuan per review,
 * {contact} a WeChat or QQ handle. Obfuscated variants are produced by the generator.
 */
export const MANIPULATION_OFFERS = [
  '老板您好，专业删差评，不成功不收费，{price}元一条，加V：{contact}',
  '店铺有差评影响权重？我们可以帮您改好评，价格优惠，联系{contact}',
  '专业处理中差评、删评、改评，24小时内完成，{price}一单，vx {contact}',
  '您好，差评可以帮您删除，平台内部渠道，安全不降权，详询Q{contact}',
  '提供删差评改好评服务，老客户八折，微信{contact}',
  '店家需要追评好评吗？批量好评+删除差评，{price}元起，加我{contact}',
  '專業刪差評，改好評，價格優惠，加V：{contact}',
];

/** How merchants answer such offers. */
export const MANIPULATION_REPLIES = ['不需要，谢谢', '多少钱？', '骗子吧', '怎么操作？', '已举报'];
