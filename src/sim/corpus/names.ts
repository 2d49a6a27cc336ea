// Chinese personal names for recipients. Common surnames by frequency, common given names.

/** Common surnames, most frequent first. */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡',
  '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田',
  '董', '潘', '袁', '蔡', '蒋', '余'];

/** Common given names. */
export const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛',
  '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '文', '华', '俊', '红', '婷', '雪', '晨', '宇', '浩然', '子涵',
  '欣怡', '梓轩', '雨桐', '思远', '佳怡', '一诺', '嘉豪', '志强', '海燕', '晓东', '丹', '琳', '鑫', '亮', '倩'];

/** Forms people use instead of a full name: surname + 先生/女士, or a nickname. */
export const NAME_FORMS = ['先生', '女士', '小姐', '哥', '姐'];
